// Package files holds how actwiz treats the files it writes: whole or not at
// all (a temporary file beside the target, synced, then renamed over it, so
// a reader never sees half a file and a failure leaves nothing behind), in
// the user's folders (the Desktop by default, where the vendor's own
// collector put its zip and where support tells people to look), with
// errors worded for messages that name the file themselves ("Snapshot file X
// cannot be read: no such file or directory", not the path twice, nor a
// hidden temporary file's).
//
// It also reads input files (read.go): regular files only, opened without
// waiting on a FIFO, of a bounded size, cancellable, and decoded from a
// byte-order mark or UTF-16 to UTF-8, the same way for every reader.
//
// It imports no actwiz package: everything may use it.
package files
