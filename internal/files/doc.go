// Package files holds how actwiz treats the files it writes: whole or not at
// all (a temporary file beside the target, synced, then renamed over it, so
// a reader never sees half a file and a failure leaves nothing behind), in
// the user's folders (the Desktop by default, where the vendor's own
// collector put its zip and where support tells people to look), with
// errors worded for messages that name the file themselves ("Snapshot file X
// cannot be read: no such file or directory", not the path twice, nor a
// hidden temporary file's).
//
// What a user's -o names is decided in one place, ResolveOutput: a
// character device (/dev/null, NUL) is written through, a symbolic link is
// followed and kept, a replaced file keeps its mode and owner, and a
// folder, a FIFO or one of the command's own inputs is refused before
// anything is read. Files that must never replace another (saved reports,
// log packages and the files beside them) take their name by an exclusive
// rename (WriteNew, Staged, RenameNoReplace), so runs in the same second
// each keep their own.
//
// It also reads input files (read.go): regular files only, opened without
// waiting on a FIFO, of a bounded size, cancellable, and decoded from a
// byte-order mark or UTF-16 to UTF-8, the same way for every reader.
//
// It imports no actwiz package: everything may use it.
package files
