# SPDX-License-Identifier: MIT
# goat's own configure macros. This directory is also where aclocal puts
# third-party macros it copies, and it ships in the tarball, so autoreconf
# works on an unpacked release.

# GOAT_REQUIRE(VARIABLE-PREFIX, PKG-CONFIG-MODULE, DEBIAN-PACKAGE)
# -----------------------------------------------------------------
# A library goat cannot build without. The error names the Debian package
# that provides it, so a packager who lacks one knows what to install.
AC_DEFUN([GOAT_REQUIRE], [
  PKG_CHECK_MODULES([$1], [$2], [],
    [AC_MSG_ERROR([$2 not found: install the Debian package $3 (apt-get install $3)])])
])

# GOAT_COMPLETION_DIR(SHELL, VARIABLE, DEFAULT, WHERE-DEFAULT-COMES-FROM)
# -----------------------------------------------------------------------
# --with-SHELL-completion-dir[=DIR]: where `make install` puts the SHELL
# completion. DEFAULT may refer to make variables such as ${datadir}, so it
# follows --prefix and `make install prefix=...`. --without-... installs
# none; the automake conditional HAVE_<VARIABLE> says whether to install.
AC_DEFUN([GOAT_COMPLETION_DIR], [
  AC_ARG_WITH([$1-completion-dir],
    [AS_HELP_STRING([--with-$1-completion-dir@<:@=DIR@:>@],
      [install the $1 completion in DIR (default: $4); --without-$1-completion-dir installs none])],
    [], [with_$1_completion_dir=yes])
  AS_CASE([$with_$1_completion_dir],
    [no], [$2=],
    [yes], [$2=$3],
    [$2=$with_$1_completion_dir])
  AC_SUBST([$2])
  AM_CONDITIONAL([HAVE_$2], [test -n "$$2"])
])
