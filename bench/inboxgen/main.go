// Command inboxgen writes a benchmark inbox: N log packages written by the
// real collect code, each with actwiz's report and facts (built and judged
// by the real check and report code) and a client log of -log-kib KiB, so
// each package has the shape of one a user uploads. The data is generated,
// not read from any machine. Every 20th package has a placeholder board
// serial (a failing verdict); every 50th has a byte flipped in its report
// (damaged).
package main

import (
	"archive/zip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/report"
)

func main() {
	n := flag.Int("n", 300, "number of packages")
	dir := flag.String("dir", "", "folder to write into (created)")
	logKiB := flag.Int("log-kib", 1024, "size of each package's client log")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "inboxgen: -dir is required")
		os.Exit(2)
	}
	if err := run(*n, *dir, *logKiB); err != nil {
		fmt.Fprintln(os.Stderr, "inboxgen:", err)
		os.Exit(1)
	}
}

func run(n int, dir string, logKiB int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	src, err := os.MkdirTemp("", "inboxgen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)
	var b strings.Builder
	for i := 0; b.Len() < logKiB<<10; i++ {
		fmt.Fprintf(&b, "2026-11-%02d 10:%02d:%02d 激活客户端 V2.0 第 %d 次尝试：在线激活失败，服务器错误，请联系客服 hr=0xC004F074\n", 1+i%28, i%60, i%60, i)
	}
	logPath := filepath.Join(src, "CMGE_Active.log")
	if err := os.WriteFile(logPath, []byte(b.String()), 0o644); err != nil {
		return err
	}
	start := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for i := range n {
		host := fmt.Sprintf("PC-%04d", i)
		s := facts.New()
		s.Host = facts.Host{Name: host, OSFamily: "windows", OSCaption: "Microsoft Windows 10 Enterprise G", OSVersion: "10.0.19044"}
		s.TakenAt = start.Add(time.Duration(i) * 17 * time.Minute)
		s.BIOS = &facts.BIOS{SerialNumber: facts.Str(fmt.Sprintf("PF%06dQW", i))}
		board := fmt.Sprintf("L1HF%07d", i)
		if i%20 == 7 {
			board = "Default string"
		}
		s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str(board)}
		s.Disks = []facts.Disk{{Index: facts.Int(0), SerialNumber: facts.Str(fmt.Sprintf("0025_3881_%04d.", i)), InterfaceType: facts.Str("SCSI"), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(true)}}
		s.NICs = []facts.NIC{{Name: facts.Str("Intel I219-V"), MACAddress: facts.Str(fmt.Sprintf("54:E1:AD:%02X:%02X:56", i>>8&0xff, i&0xff)), PhysicalAdapter: facts.Bool(true), NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0), PNPDeviceID: facts.Str(`PCI\VEN_8086&DEV_15BC`), InLocalMachineContainer: facts.Bool(true)}}
		rep, err := report.Build(report.Input{Results: checks.RunAll(checks.Hardware, s, checks.DefaultRules()), Facts: s, Lang: i18n.ZH, Version: "1.0.0", Source: report.Source{Kind: "machine"}, Case: fmt.Sprintf("CAS-%05d", i), Now: s.TakenAt})
		if err != nil {
			return err
		}
		repJSON, _ := rep.JSON()
		factsJSON, _ := facts.Marshal(s)
		out, err := collect.Write(context.Background(), collect.Options{
			Dir: dir, Prefix: "CMGE_Log", Host: host, Case: fmt.Sprintf("CAS-%05d", i), Version: "1.0.0", Now: s.TakenAt, GOOS: "linux",
			Collectors: []collect.Collector{{Name: "client-logs", Category: "activation-log", Files: []string{logPath}}},
			Own:        []collect.Own{{Name: parcel.ReportName, Data: repJSON}, {Name: parcel.FactsName, Data: factsJSON}},
		})
		if err != nil {
			return err
		}
		if i%50 == 3 {
			if err := flip(out.Path, parcel.ReportName); err != nil {
				return err
			}
		}
	}
	return nil
}

// flip damages one byte in the middle of an entry's stored data.
func flip(path, entry string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	var at int64 = -1
	for _, f := range zr.File {
		if f.Name == entry {
			off, _ := f.DataOffset()
			at = off + int64(f.CompressedSize64)/2
		}
	}
	zr.Close()
	data, err := os.ReadFile(path)
	if err != nil || at < 0 {
		return fmt.Errorf("flip %s in %s: %v", entry, path, err)
	}
	data[at] ^= 0x55
	return os.WriteFile(path, data, 0o644)
}
