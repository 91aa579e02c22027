# Project-level work: transactions (all-or-nothing writes), main packages and
# components, and the orchestration of goat track / patch / clean.
libgoat_a_SOURCES +=
