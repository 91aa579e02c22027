package bom

var x = "﻿"

func f() {}
