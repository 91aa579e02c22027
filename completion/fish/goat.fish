# SPDX-License-Identifier: MIT
# fish completion for goat(1), autoloaded from a vendor_completions.d
# directory. Keep it in step with goat's commands and options:
# tests/release/completion.sh fails when they differ from `goat CMD --help`.

# Git branches, tags and remote branches of the repository in the current
# directory, and HEAD.
function __goat_revs
    echo HEAD
    git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null
end

function __goat_granularities
    printf '%s\t%s\n' line 'a tracking point before every changed statement' \
        patch 'one per run of changed statements in a block' \
        scope 'one per block holding changed statements' \
        func 'one per function holding changed statements'
end

function __goat_diff_precisions
    printf '%s\t%s\n' 1 blame 2 'diff with renames' 3 diff
end

# Whether goat's command, the word after goat, is one of the arguments.
# (__fish_seen_subcommand_from would take `goat help init` for goat init.)
function __goat_command_is
    set -l words (commandline -opc)
    set -q words[2]; and contains -- $words[2] $argv
end

# Whether the word being completed is the Nth after goat.
function __goat_word_is
    test (count (commandline -opc)) -eq $argv[1]
end

set -l commands init track patch clean report version help ast rewrite

complete -c goat -f
complete -c goat -n '__goat_word_is 1' -l help -d 'list the commands'
complete -c goat -n '__goat_word_is 1' -l version -d 'print the version'
complete -c goat -n '__goat_word_is 1' -a init -d "write goat.yaml, the project's configuration"
complete -c goat -n '__goat_word_is 1' -a track -d 'insert tracking points into the code changed since oldBranch'
complete -c goat -n '__goat_word_is 1' -a patch -d 'apply hand-placed +goat:insert and +goat:delete markers'
complete -c goat -n '__goat_word_is 1' -a clean -d 'remove everything goat added'
complete -c goat -n '__goat_word_is 1' -a report -d 'what ran across every source, as text, JSON, a cover profile or a page'
complete -c goat -n '__goat_word_is 1' -a version -d "print goat's version"
complete -c goat -n '__goat_word_is 1' -a help -d "list the commands, or print one command's help"
complete -c goat -n '__goat_word_is 1' -a ast -d 'print the syntax tree of Go files'
complete -c goat -n '__goat_word_is 1' -a rewrite -d 'rewrite single Go files without git'

complete -c goat -n "__goat_command_is $commands" -l help -d "print the command's help"

# goat help COMMAND: one command, then nothing
complete -c goat -n '__goat_command_is help; and __goat_word_is 2' -a "$commands"

# goat init
set -l init '__goat_command_is init'
complete -c goat -n $init -l old -x -a 'INIT (__goat_revs)' -d 'commit to compare against (oldBranch)'
complete -c goat -n $init -l new -x -a '(__goat_revs)' -d 'commit being released (newBranch)'
complete -c goat -n $init -l app-name -x -d 'application name (appName)'
complete -c goat -n $init -l app-version -x -d 'application version (appVersion)'
complete -c goat -n $init -l granularity -x -a '(__goat_granularities)' -d 'where tracking points go (granularity)'
complete -c goat -n $init -l diff-precision -x -a '(__goat_diff_precisions)' -d 'how changed lines are found (diffPrecision)'
complete -c goat -n $init -l threads -x -d 'worker threads, 0 = one per CPU (threads)'
complete -c goat -n $init -l race -a 'true false' -d 'counters through sync/atomic (race)'
complete -c goat -n $init -l goat-package-name -x -d 'generated package name (goatPackageName)'
complete -c goat -n $init -l goat-package-alias -x -d 'its import alias (goatPackageAlias)'
complete -c goat -n $init -l goat-package-path -x -a '(__fish_complete_directories)' -d 'its directory in the module (goatPackagePath)'
complete -c goat -n $init -l ignores -r -F -d 'paths to leave alone (ignores)'
complete -c goat -n $init -l main-entries -x -a '(__fish_complete_directories)' -d 'main packages that start the server (mainEntries)'
complete -c goat -n $init -l printer-config-mode -x -a 'none useSpaces tabIndent sourcePos rawFormat' -d 'no effect (printerConfigMode)'
complete -c goat -n $init -l printer-config-tabwidth -x -d 'no effect (printerConfigTabwidth)'
complete -c goat -n $init -l printer-config-indent -x -d 'no effect (printerConfigIndent)'
complete -c goat -n $init -l data-type -x -a 'bool count' -d 'what a point records (dataType)'
complete -c goat -n $init -l skip-nested-modules -a 'true false' -d 'skip directories with their own go.mod (skipNestedModules)'
complete -c goat -n $init -s f -l force -d 'overwrite an existing goat.yaml'

# goat track, patch, clean
set -l project '__goat_command_is track patch clean'
complete -c goat -n $project -s v -l verbose -d 'log each file on standard error'
complete -c goat -n $project -s n -l dry-run -d 'print the unified diff, write nothing'

# goat report
set -l report '__goat_command_is report'
complete -c goat -n $report -l prometheus -x -d 'also ask this Prometheus server'
complete -c goat -n $report -l since -x -d 'how far back Prometheus looks'
complete -c goat -n $report -l app -x -d 'the app label'
complete -c goat -n $report -l version -x -d 'the version label'
complete -c goat -n $report -l component -x -d 'report only the points of these components'
complete -c goat -n $report -l format -x -a 'text json' -d 'what to print on standard output'
complete -c goat -n $report -l coverprofile -r -F -d 'also write a Go cover profile'
complete -c goat -n $report -l html -r -F -d 'also write a self-contained HTML page'
complete -c goat -n $report -l fail-under -x -d 'exit with status 3 below this percentage'
complete -c goat -n $report -l ignore-unreachable -d 'a source that cannot be read is a warning'
complete -c goat -n $report -l timeout -x -d 'seconds each source has to answer'
complete -c goat -n $report -F

# goat ast
set -l ast '__goat_command_is ast'
complete -c goat -n $ast -s n -d 'parse only, print no tree'
complete -c goat -n $ast -l files-from -r -F -d 'also parse the files named in LIST'
complete -c goat -n $ast -F

# goat rewrite
set -l rewrite '__goat_command_is rewrite'
complete -c goat -n $rewrite -l granularity -x -a '(__goat_granularities)' -d 'where tracking points go'
complete -c goat -n $rewrite -l lines -x -d 'new lines: 3-7,12 or all'
complete -c goat -n $rewrite -l alias -x -d "the goat package's import alias"
complete -c goat -n $rewrite -l import-path -x -d "the goat package's import path"
complete -c goat -n $rewrite -l first-id -x -d 'TRACK_ID of the first block'
complete -c goat -n $rewrite -l clean -d "remove goat's blocks, openings and import"
complete -c goat -n $rewrite -l patch -d 'apply +goat:insert and +goat:delete and renumber'
complete -c goat -n $rewrite -l main-entry -x -d 'add the main block for COMPONENT_N'
complete -c goat -n $rewrite -l out-dir -x -a '(__fish_complete_directories)' -d 'write results under DIR'
complete -c goat -n $rewrite -l count -d 'print FILE: blocks instead of the text'
complete -c goat -n $rewrite -l points -d 'print the point table instead of the text'
complete -c goat -n $rewrite -l goat-import-path -x -d 'another import path of the goat package'
complete -c goat -n $rewrite -F
