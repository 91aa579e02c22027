# SPDX-License-Identifier: MIT
# goat report: the data model and union (model.c), one file per source kind
# (instance.c, saved.c, prometheus.c, with the /track reader track.c and the
# HTTP client http.c), the code at the commit (code.c), and one file per
# writer (text.c, json.c, profile.c, html.c).
libgoat_a_SOURCES += \
	src/report/report.h src/report/model.c \
	src/report/json_read.h src/report/json_read.c \
	src/report/track.c \
	src/report/http.h src/report/http.c \
	src/report/instance.c src/report/saved.c src/report/prometheus.c \
	src/report/code.c \
	src/report/writer.h src/report/writer.c \
	src/report/text.c src/report/json.c src/report/profile.c src/report/html.c
