#!/usr/bin/env bash
# Fails when a commit subject is 72 characters or longer, listing each such subject. Only commits after
# BASE are checked: the subjects before it are left as they were written.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=d6ac37c
LIMIT=72

if [ ! -e .git ]; then
  echo "commit-subjects: no .git here, nothing to check"
  exit 0
fi
if ! git cat-file -e "$BASE^{commit}" 2>/dev/null; then
  echo "commit-subjects: $BASE is not in this clone's history, nothing to check"
  exit 0
fi

# Characters, not bytes: a subject may hold letters outside ASCII.
export LC_ALL=C.UTF-8
long=''
while IFS= read -r subject; do
  if [ "${#subject}" -ge "$LIMIT" ]; then long+="  $subject (${#subject})"$'\n'; fi
done < <(git log --format=%s "$BASE..HEAD")
if [ -n "$long" ]; then
  echo "Commit subjects must be under $LIMIT characters; put the details in the body:"
  printf '%s' "$long"
  exit 1
fi
echo "commit-subjects: every subject after $BASE is under $LIMIT characters"
