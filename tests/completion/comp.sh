# tests/completion/comp.sh: drive the bash completion as bash drives it,
# for completion.sh and tests/doc/options.sh. Source it after the
# completion script ($COMPLETION), which defines _bedside.
#
#   comp WORD...    the sorted candidates, space separated, for the last
#                   word (the one being completed) of "bedside WORD..."

comp() {
	COMP_WORDS=("$BEDSIDE" "$@")
	COMP_CWORD=$#
	COMP_LINE="${COMP_WORDS[*]}"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_bedside
	printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
