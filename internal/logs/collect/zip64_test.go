package collect

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestZip64 packs a sparse file just over 4 GiB, which needs zip64 sizes.
// It reads and checks 4 GiB, so it runs only when asked:
// ACTWIZ_TEST_ZIP64=1 go test -run TestZip64 ./collect/
func TestZip64(t *testing.T) {
	if os.Getenv("ACTWIZ_TEST_ZIP64") != "1" {
		t.Skip("reads 4 GiB; set ACTWIZ_TEST_ZIP64=1 to run")
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.log")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	const size = 1<<32 + 12345
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte("the last line\n"), size-14)
	f.Close()
	opts := baseOptions(t)
	opts.Collectors = []Collector{{Name: "big", Category: "system-log", Files: []string{big}, MaxBytes: 1 << 33}}
	out, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := unzipCmd("-tq", out.Path).CombinedOutput(); err != nil {
		t.Fatalf("unzip -t: %v %s", err, b)
	}
	if c := out.Manifest.Collectors[0]; c.Status != Pass || c.Bytes != size {
		t.Errorf("collector %+v", c)
	}
}
