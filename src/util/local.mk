libgoat_a_SOURCES += \
	src/util/arena.c src/util/arena.h \
	src/util/error.c src/util/error.h \
	src/util/file.c src/util/file.h \
	src/util/lines.c src/util/lines.h \
	src/util/lineset.c src/util/lineset.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/xalloc.c src/util/xalloc.h
