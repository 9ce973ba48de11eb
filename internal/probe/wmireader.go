package probe

// The Windows reader's logic, apart from the system calls: each section
// asks its WMI source for its class's rows, adds "In root container" and the
// system disk, and maps the rows to facts. No build tag, so that it runs on
// Linux with a fake source (wmireader_test.go), including one whose
// provider never answers; native_windows.go plugs in the real calls.

import (
	"context"
	"fmt"
	"sort"

	"actwiz/internal/facts"
)

// wmiSource runs one WQL query and loads its rows into dst (a *[]T of a
// class struct from wmiclasses.go), returning for each row why any field
// was left nil (nil: none was). Every call must run on a connection of its
// own, so that a provider that never answers holds up only the query that
// asked it, and must return when ctx ends, abandoning the query if need be.
type wmiSource interface {
	query(ctx context.Context, wql string, dst any) (why []map[string]string, err error)
}

// perQuery is a wmiSource that runs each query through run, on a
// goroutine of its own, and returns when the query answers or ctx ends,
// whichever is first. run must open a connection of its own for every
// call (ownConnections does). A query that does not answer in time is
// abandoned: no WMI call can be interrupted, and closing its connection
// would wait for it. Its goroutine ends when WMI answers, or with the
// process; its late rows are never seen, because run fills a slice of its
// own that is copied into dst only on a timely answer.
type perQuery struct {
	run func(wql string, dst any) ([]map[string]string, error)
}

type wmiAnswer struct {
	why []map[string]string
	err error
}

func (p perQuery) query(ctx context.Context, wql string, dst any) ([]map[string]string, error) {
	done := make(chan wmiAnswer, 1)
	tmp := newRowsLike(dst)
	go func() {
		why, err := p.run(wql, tmp)
		done <- wmiAnswer{why, err}
	}()
	select {
	case a := <-done:
		if a.err != nil {
			return nil, a.err
		}
		setRows(dst, tmp)
		return a.why, nil
	case <-ctx.Done():
		return nil, abandoned(ctx, fmt.Sprintf("WMI query %q", wql))
	}
}

// wmiReader is the Windows Reader over a source and the non-WMI calls.
type wmiReader struct {
	src wmiSource
	// container reads "In root container" for a PNP device id.
	container func(pnpDeviceID string) (bool, error)
	// systemDisks returns the disk numbers of the system volume.
	systemDisks func() ([]uint32, error)
	// firmware reads the SMBIOS table without WMI.
	firmware func(ctx context.Context) (*facts.SMBIOS, error)
	hostName func() (string, error)
}

// hostTimeout bounds the OS caption query, so that its goroutine does not
// outlive a stuck provider for ever; Take itself stops waiting for the host
// a second after the sections, since the caption is a courtesy.
const hostTimeout = DefaultTimeout

// queryRows reads every row of T's class from src.
func queryRows[T wmiRow](ctx context.Context, src wmiSource) ([]T, []map[string]string, error) {
	var rows []T
	why, err := src.query(ctx, wmiSelect[T](), &rows)
	if err != nil {
		return nil, nil, err
	}
	if len(why) != len(rows) {
		why = make([]map[string]string, len(rows))
	}
	return rows, why, nil
}

// Host never fails: the OS caption is a courtesy, and whatever could not
// be read stays empty.
func (r wmiReader) Host(ctx context.Context) facts.Host {
	h := facts.Host{OSFamily: "windows"}
	h.Name, _ = r.hostName()
	ctx, cancel := context.WithTimeout(ctx, hostTimeout)
	defer cancel()
	if rows, _, err := queryRows[wmiOperatingSystem](ctx, r.src); err == nil && len(rows) > 0 {
		h = rows[0].host(h)
	}
	return h
}

func (r wmiReader) BIOS(ctx context.Context) (*facts.BIOS, FieldErrors, error) {
	row, fe, err := singleRow[wmiBIOS](ctx, r.src)
	if err != nil {
		return nil, nil, err
	}
	return row.facts(), fe, nil
}

func (r wmiReader) Baseboard(ctx context.Context) (*facts.Baseboard, FieldErrors, error) {
	row, fe, err := singleRow[wmiBaseBoard](ctx, r.src)
	if err != nil {
		return nil, nil, err
	}
	return row.facts(), fe, nil
}

func (r wmiReader) SMBIOS(ctx context.Context) (*facts.SMBIOS, error) { return r.firmware(ctx) }

// singleRow reads a class that has one instance per machine. Should a
// machine report more (it happens with some baseboards), the first is the
// one wmic shows first, so it is the one the user can compare with.
func singleRow[T wmiRow](ctx context.Context, src wmiSource) (T, FieldErrors, error) {
	var zero T
	rows, why, err := queryRows[T](ctx, src)
	if err != nil {
		return zero, nil, err
	}
	if len(rows) == 0 {
		return zero, nil, fmt.Errorf("WMI has no %s instance on this machine", zero.wmiClass())
	}
	fe := FieldErrors{}
	for field, reason := range why[0] {
		fe[field] = zero.wmiClass() + ": " + reason
	}
	return rows[0], fe, nil
}

func (r wmiReader) Disks(ctx context.Context) ([]facts.Disk, FieldErrors, error) {
	rows, why, err := queryRows[wmiDiskDrive](ctx, r.src)
	if err != nil {
		return nil, nil, err
	}
	errs := deviceErrors{}
	disks := make([]facts.Disk, len(rows)) // never nil: no disks is not "unread"
	for i, row := range rows {
		errs.addRow(row.label(), why[i])
		disks[i] = row.facts()
		disks[i].InLocalMachineContainer = r.readContainer(row.PNPDeviceID, row.label(), errs)
	}
	fe := FieldErrors{}
	errs.into(fe)
	if len(disks) > 0 {
		if err := r.markSystem(disks); err != nil {
			fe["System"] = err.Error()
		}
	}
	// WMI lists disks in no promised order; by Index reads like Disk
	// Management and keeps snapshots of one machine comparable.
	sort.SliceStable(disks, func(i, j int) bool { return lessIndex(disks[i].Index, disks[j].Index) })
	return disks, fe, nil
}

func (r wmiReader) NICs(ctx context.Context) ([]facts.NIC, FieldErrors, error) {
	rows, why, err := queryRows[wmiNetworkAdapter](ctx, r.src)
	if err != nil {
		return nil, nil, err
	}
	errs := deviceErrors{}
	nics := make([]facts.NIC, len(rows))
	for i, row := range rows {
		errs.addRow(row.label(), why[i])
		nics[i] = row.facts()
		nics[i].InLocalMachineContainer = r.readContainer(row.PNPDeviceID, row.label(), errs)
	}
	fe := FieldErrors{}
	errs.into(fe)
	return nics, fe, nil
}

// readContainer reads "In root container" for one device; on failure the
// value stays nil and the reason is recorded against the device.
func (r wmiReader) readContainer(pnp *string, label string, errs deviceErrors) *bool {
	const field = "InLocalMachineContainer"
	if pnp == nil || *pnp == "" {
		errs.add(field, label, "WMI gave no PNPDeviceID to look the device up by")
		return nil
	}
	v, err := r.container(*pnp)
	if err != nil {
		errs.add(field, label, err.Error())
		return nil
	}
	return facts.Bool(v)
}

// markSystem sets System on every disk, or leaves all of them nil with the
// reason.
func (r wmiReader) markSystem(disks []facts.Disk) error {
	nums, err := r.systemDisks()
	if err != nil {
		return fmt.Errorf("cannot tell which disk holds Windows: %w", err)
	}
	if err := markSystemDisks(disks, nums); err != nil {
		return fmt.Errorf("cannot tell which disk holds Windows: %w", err)
	}
	return nil
}

func lessIndex(a, b *int) bool {
	switch {
	case a == nil:
		return false
	case b == nil:
		return true
	}
	return *a < *b
}
