# tests/install/buildcopy.sh: a copy of the build tree for tests that run
# make in it (prefix.sh, rebuild.sh), so that the tree the other tests are
# reading is never rebuilt under them. Source it after tests/lib.sh; it
# skips the test when the build is not in the source tree, and sets
#
#   copy                 the copy ($scratch/build)
#   submake ARG...       make ARG... in the copy, with a jobserver and
#                        flags of its own; the log's tail on failure
: "${MAKE:?}" "${TOP_BUILDDIR:?}"

srcdir=$(sed -n 's/^srcdir = //p' "$TOP_BUILDDIR/Makefile")
if [ "$srcdir" != . ]; then
	echo "1..0 # SKIP the copy needs a build in the source tree (srcdir is $srcdir)"
	exit 0
fi

copy=$scratch/build
mkdir "$copy" || exit 1
# tar keeps the times, so that the copy is as up to date as the tree.
(cd "$TOP_BUILDDIR" && tar -cf - --exclude=./.git --exclude='./bedside-*' \
	--exclude=./_asan --exclude=./_fuzz --exclude=./fuzz-work --exclude=./bench/out \
	--exclude='*.log' --exclude='*.trs' .) | (cd "$copy" && tar -xf -) || {
	echo "Bail out! cannot copy the build tree"
	exit 1
}

submake() {
	(unset MAKEFLAGS MFLAGS MAKELEVEL; cd "$copy" && $MAKE "$@") \
		>"$scratch/make.log" 2>&1
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$scratch/make.log" | tail -20
	return $status
}
