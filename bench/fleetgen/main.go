// Command fleetgen writes a benchmark set of actwiz reports: N machines
// built and judged by the real report and check code, so each file has the
// size and shape of a report saved by `actwiz check --save`. The data is
// generated, not read from any machine.
//
// The set holds what fleet must find: every 100th machine shares its board
// serial with the one before, every 500th carries the placeholder
// "Default string", and every 50th is reported twice (the same machine
// checked again an hour later). With -repeat K every machine is reported K
// times, to show that memory follows the distinct machines, not the files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/report"
)

func main() {
	n := flag.Int("n", 100000, "number of machines")
	dir := flag.String("dir", "", "folder to write into (created)")
	repeat := flag.Int("repeat", 1, "reports per machine (the same machine checked again, a minute later each time)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "fleetgen: give -dir")
		os.Exit(2)
	}
	start := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	rules := checks.DefaultRules()
	var wg sync.WaitGroup
	jobs := make(chan int, 1024)
	files := 0
	var mu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				// 100 machines per folder, like one stick per floor.
				sub := filepath.Join(*dir, fmt.Sprintf("floor-%04d", i/100))
				times := []time.Time{start.Add(time.Duration(i) * time.Second)}
				if i%50 == 0 {
					times = append(times, times[0].Add(time.Hour))
				}
				for k := 1; k < *repeat; k++ {
					times = append(times, times[0].Add(time.Duration(k)*time.Minute))
				}
				for _, at := range times {
					if err := write(sub, machine(i, at), rules); err != nil {
						fmt.Fprintln(os.Stderr, "fleetgen:", err)
						os.Exit(1)
					}
					mu.Lock()
					files++
					mu.Unlock()
				}
			}
		}()
	}
	for i := range *n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d reports of %d machines in %s\n", files, *n, *dir)
}

func machine(i int, at time.Time) facts.Snapshot {
	board := fmt.Sprintf("L1HF%07dXZ", i)
	if i%100 == 1 {
		board = fmt.Sprintf("L1HF%07dXZ", i-1)
	}
	bios := fmt.Sprintf("PF%08d", i)
	if i%500 == 7 {
		bios = "Default string"
	}
	s := facts.New()
	s.TakenAt = at
	s.Host = facts.Host{Name: fmt.Sprintf("PC-%06d", i), OSFamily: "windows", OSCaption: "Microsoft Windows 10 Enterprise G", OSVersion: "10.0.19044"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str(bios), Manufacturer: facts.Str("LENOVO")}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str(board), Manufacturer: facts.Str("LENOVO"), Product: facts.Str("3136")}
	s.Disks = []facts.Disk{{
		Index: facts.Int(0), Model: facts.Str("SAMSUNG MZVLB512HBJQ-000L7"), SerialNumber: facts.Str(fmt.Sprintf("0025_3881_%04X_%04X.", i>>16, i&0xffff)),
		InterfaceType: facts.Str("SCSI"), MediaType: facts.Str("Fixed hard disk media"),
		PNPDeviceID: facts.Str(`SCSI\DISK&VEN_NVME&PROD_SAMSUNG_MZVLB512\5&1A2B3C4D&0&000000`), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(true),
	}}
	s.NICs = []facts.NIC{{
		Name: facts.Str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: facts.Str(fmt.Sprintf("54:E1:AD:%02X:%02X:%02X", i>>16&0xff, i>>8&0xff, i&0xff)),
		PhysicalAdapter: facts.Bool(true), NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0),
		PNPDeviceID: facts.Str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`), InLocalMachineContainer: facts.Bool(true),
	}}
	return s
}

func write(dir string, s facts.Snapshot, rules checks.Rules) error {
	rep, err := report.Build(report.Input{
		Results: checks.RunAll(checks.Hardware, s, rules), Facts: s, Lang: i18n.ZH,
		Version: "bench", Source: report.Source{Kind: "machine"}, Now: s.TakenAt,
	})
	if err != nil {
		return err
	}
	_, err = report.Save(dir, rep)
	return err
}
