package fidelity

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/event"
)

// fakeEpoch is where the toolchain's faketime clock starts (runtime/time_fake.go).
const fakeEpoch = 1257894000000000000

// A line is one line a program printed.
type line struct {
	stream string // "stdout" or "stderr"
	text   string // without its newline
	t      int64  // nanoseconds since the program started
	g      int    // the goroutine that printed it (concur's side only)
}

func (l line) key() string { return l.stream + "\x00" + l.text }

// An outcome is what a run printed and how it ended.
type outcome struct {
	lines []line
	// end is how the program died, in the runtime's words: the first
	// paragraph of a panic or fatal error (without the [signal ...] line,
	// which holds addresses), or a compile error as "line:col: message";
	// "" when main returned or os.Exit was called.
	end   string
	endT  int64
	waits []string // a deadlock's goroutines' waits ("chan receive"), sorted
	code  int
}

// decodePlayback splits the faketime runtime's output on one file
// descriptor into its writes: each is framed as 0 0 'P' 'B', the time
// (8 bytes, big endian, ns since 1970) and the length (4 bytes).
func decodePlayback(b []byte) (times []int64, writes [][]byte, err error) {
	for len(b) > 0 {
		if len(b) < 16 || b[0] != 0 || b[1] != 0 || b[2] != 'P' || b[3] != 'B' {
			return nil, nil, fmt.Errorf("not a playback frame at %q (was the program built with -tags faketime?)", head(b))
		}
		t := int64(binary.BigEndian.Uint64(b[4:12]))
		n := int(binary.BigEndian.Uint32(b[12:16]))
		if len(b) < 16+n {
			return nil, nil, errors.New("playback frame cut short")
		}
		times = append(times, t-fakeEpoch)
		writes = append(writes, b[16:16+n])
		b = b[16+n:]
	}
	return times, writes, nil
}

func head(b []byte) []byte { return b[:min(len(b), 20)] }

// splitLines turns timed writes into lines, each stamped with the time of
// the write that ended it (as concur stamps a line when its newline comes);
// a last line without a newline gets the time of its last write.
func splitLines(stream string, times []int64, writes [][]byte) []line {
	var out []line
	var partial []byte
	for i, w := range writes {
		for {
			j := bytes.IndexByte(w, '\n')
			if j < 0 {
				break
			}
			out = append(out, line{stream: stream, text: string(partial) + string(w[:j]), t: times[i]})
			partial = partial[:0]
			w = w[j+1:]
		}
		partial = append(partial, w...)
		if len(partial) > 0 && i == len(writes)-1 {
			out = append(out, line{stream: stream, text: string(partial), t: times[i]})
		}
	}
	return out
}

var goroutineHeader = regexp.MustCompile(`^goroutine \d+ \[([^\]]*)\]:$`)

// goOutcome reads what a faketime build printed on its standard output
// and error.
func goOutcome(stdout, stderr []byte, code int) (outcome, error) {
	ot, ow, err := decodePlayback(stdout)
	if err != nil {
		return outcome{}, fmt.Errorf("stdout: %w", err)
	}
	et, ew, err := decodePlayback(stderr)
	if err != nil {
		return outcome{}, fmt.Errorf("stderr: %w", err)
	}
	// The runtime makes the time strictly greater whenever a write goes to
	// the other descriptor, so merging by time restores the order of writes.
	outs, errs := splitLines("stdout", ot, ow), splitLines("stderr", et, ew)
	var lines []line
	for len(outs) > 0 || len(errs) > 0 {
		if len(errs) == 0 || len(outs) > 0 && outs[0].t <= errs[0].t {
			lines, outs = append(lines, outs[0]), outs[1:]
		} else {
			lines, errs = append(lines, errs[0]), errs[1:]
		}
	}
	o := outcome{code: code}
	// The runtime's report of a crash: "panic: " or "fatal error: " on
	// standard error, usually followed by goroutine traces.
	for i, l := range lines {
		if l.stream != "stderr" || !strings.HasPrefix(l.text, "panic: ") && !strings.HasPrefix(l.text, "fatal error: ") {
			continue
		}
		rest := lines[i:]
		// A program may print "panic: " itself; the runtime's report goes on
		// with a goroutine's trace. Some fatal errors come without one.
		if strings.HasPrefix(l.text, "panic: ") && !slices.ContainsFunc(rest, func(l line) bool { return goroutineHeader.MatchString(l.text) }) {
			continue
		}
		var msg []string
		for _, r := range rest {
			if r.text == "" {
				break
			}
			if !strings.HasPrefix(r.text, "[signal ") {
				msg = append(msg, r.text)
			}
		}
		o.end, o.endT = strings.Join(msg, "\n"), l.t
		if strings.HasPrefix(l.text, "fatal error: all goroutines are asleep") {
			for _, r := range rest {
				if m := goroutineHeader.FindStringSubmatch(r.text); m != nil {
					state, _, _ := strings.Cut(m[1], ",") // "chan receive, 2 minutes"
					o.waits = append(o.waits, state)
				}
			}
			slices.Sort(o.waits)
		}
		o.lines = lines[:i]
		return o, nil
	}
	o.lines = lines
	return o, nil
}

// compilePosition matches the position at the start of a compile error,
// with whatever path the tool put before it.
var compilePosition = regexp.MustCompile(`^(?:\S*?\.go:)?(\d+:\d+: )`)

// firstCompileError is the first error of a compiler's output as
// "line:col: message", or "" when there is none.
func firstCompileError(text string) string {
	for l := range strings.Lines(text) {
		l = strings.TrimRight(l, "\n")
		if m := compilePosition.FindStringSubmatchIndex(l); m != nil {
			return l[m[2]:]
		}
	}
	return ""
}

// concurOutcome reads the event stream of `concur run --json`.
func concurOutcome(jsonl []byte) (outcome, error) {
	var events []event.Event
	for l := range bytes.Lines(jsonl) {
		e, err := event.Parse(bytes.TrimSpace(l))
		if err != nil {
			return outcome{}, fmt.Errorf("event %q: %w", l, err)
		}
		events = append(events, e)
	}
	var o outcome
	exited := false
	// A torn line comes in pieces (output events marked more); Go's raw
	// stream has them as one line, so compare the joined lines.
	for _, e := range event.Joined(events) {
		switch e.Kind {
		case event.Output:
			o.lines = append(o.lines, line{stream: e.Stream, text: e.Text, t: e.T, g: e.G})
		case event.Panic, event.Fatal, event.Timeout:
			first, _, _ := strings.Cut(e.Text, "\n\n")
			o.end, o.endT = first, e.T
		case event.Deadlock:
			o.end, o.endT = e.Text, e.T
			for _, g := range e.Blocked {
				o.waits = append(o.waits, g.State)
			}
			slices.Sort(o.waits)
		case event.Compile:
			o.end = firstCompileError(e.Text)
			if o.end == "" {
				o.end = e.Text
			}
		case event.Exit:
			o.code, exited = e.Code, true
		}
	}
	if !exited {
		return outcome{}, errors.New("the event stream has no exit event")
	}
	return o, nil
}

// A mode says how much of two runs must agree.
type mode string

const (
	byOrder   mode = ""        // same instants; within one, any interleaving of each goroutine's lines
	byInstant mode = "instant" // same instants; within one, the lines in any order
	bySorted  mode = "sorted"  // the same lines, in any order and at any time
	byStatus  mode = "status"  // the same exit status
)

// instant is the microsecond a line was printed in. The faketime runtime
// adds a nanosecond each time output switches between standard output and
// error, so nanoseconds do not compare.
func instant(t int64) int64 { return t / 1000 }

// compare returns what differs between Go's outcome and concur's, or nil.
func compare(want, got outcome, m mode) []string {
	var diffs []string
	if want.code != got.code {
		diffs = append(diffs, fmt.Sprintf("exit status: Go %d, concur %d", want.code, got.code))
	}
	if m == byStatus {
		return diffs
	}
	if want.end != got.end {
		diffs = append(diffs, fmt.Sprintf("end: Go %q, concur %q", want.end, got.end))
	} else if want.end != "" && m != bySorted && instant(want.endT) != instant(got.endT) {
		diffs = append(diffs, fmt.Sprintf("end at: Go %s, concur %s", stamp(want.endT), stamp(got.endT)))
	}
	if !slices.Equal(want.waits, got.waits) {
		diffs = append(diffs, fmt.Sprintf("goroutines of the deadlock wait on: Go %q, concur %q", want.waits, got.waits))
	}
	var ok bool
	switch m {
	case bySorted:
		ok = sameMultiset(want.lines, got.lines)
	case byInstant:
		ok = sameByInstant(want.lines, got.lines, func(w, g []line) bool { return sameMultiset(w, g) })
	default:
		ok = sameByInstant(want.lines, got.lines, interleaves)
	}
	if !ok {
		diffs = append(diffs, "output differs:\n"+listing("Go", want.lines)+listing("concur", got.lines))
	}
	return diffs
}

func stamp(t int64) string { return fmt.Sprintf("+%d.%06ds", t/1e9, t%1e9/1e3) }

// listing shows lines with their instants, for a failure message.
func listing(name string, lines []line) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s:\n", name)
	const most = 60
	for i, l := range lines {
		if i == most {
			fmt.Fprintf(&b, "    ... %d more\n", len(lines)-most)
			break
		}
		g := ""
		if l.g != 0 {
			g = " g" + strconv.Itoa(l.g)
		}
		fmt.Fprintf(&b, "    %s %s%s │ %s\n", stamp(l.t), l.stream, g, l.text)
	}
	return b.String()
}

func sameMultiset(want, got []line) bool {
	if len(want) != len(got) {
		return false
	}
	w, g := keys(want), keys(got)
	slices.Sort(w)
	slices.Sort(g)
	return slices.Equal(w, g)
}

func keys(lines []line) []string {
	k := make([]string, len(lines))
	for i, l := range lines {
		k[i] = l.key()
	}
	return k
}

// sameByInstant groups both sides by instant: the instants must be the
// same, and the lines of each instant agree by same.
func sameByInstant(want, got []line, same func(want, got []line) bool) bool {
	w, g := byInstants(want), byInstants(got)
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if instant(w[i][0].t) != instant(g[i][0].t) || !same(w[i], g[i]) {
			return false
		}
	}
	return true
}

// byInstants splits lines, in the order they were printed, into runs of
// one instant each.
func byInstants(lines []line) [][]line {
	var out [][]line
	for i, l := range lines {
		if i == 0 || instant(l.t) != instant(lines[i-1].t) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], l)
	}
	return out
}

// interleaves reports whether Go's lines of one instant are an
// interleaving of the lines each of concur's goroutines printed in it,
// each goroutine's in its own order. When the search grows too large (many
// goroutines printing the same text) it settles for the same lines in any
// order.
func interleaves(want, got []line) bool {
	if !sameMultiset(want, got) {
		return false
	}
	var order []int
	parts := map[int][]string{}
	for _, l := range got {
		if _, ok := parts[l.g]; !ok {
			order = append(order, l.g)
		}
		parts[l.g] = append(parts[l.g], l.key())
	}
	seqs := make([][]string, len(order))
	for i, g := range order {
		seqs[i] = parts[g]
	}
	seq := keys(want)
	pos := make([]int, len(seqs))
	failed := map[string]bool{}
	budget := 200000
	var try func(k int) (bool, bool)
	try = func(k int) (found, exhausted bool) {
		if k == len(seq) {
			return true, false
		}
		if budget--; budget < 0 {
			return false, true
		}
		key := fmt.Sprint(pos)
		if failed[key] {
			return false, false
		}
		for i, s := range seqs {
			if pos[i] < len(s) && s[pos[i]] == seq[k] {
				pos[i]++
				found, exhausted := try(k + 1)
				pos[i]--
				if found || exhausted {
					return found, exhausted
				}
			}
		}
		failed[key] = true
		return false, false
	}
	found, exhausted := try(0)
	return found || exhausted
}

// stampedLine matches a line concur's printer stamped: "  +1.250s  g2 worker │ text".
var stampedLine = regexp.MustCompile(`^ *[+-]\d+\.\d{3}s  `)

// stampLabel matches a stamp and the goroutine's label after it.
var stampLabel = regexp.MustCompile(`^( *[+-]\d+\.\d{3}s  )[^│]*│ `)

// A record is a stamped line of concur's printed output with the unstamped
// lines that follow it (a traceback), or the unstamped lines before the
// first stamp.
type record struct {
	stamp string
	text  string
}

func records(out string) []record {
	var rs []record
	for l := range strings.Lines(out) {
		l = strings.TrimSuffix(l, "\n")
		if m := stampedLine.FindString(l); m != "" {
			rs = append(rs, record{stamp: strings.TrimSpace(m), text: l})
			continue
		}
		if len(rs) == 0 {
			rs = append(rs, record{})
		}
		rs[len(rs)-1].text += "\n" + l
	}
	return rs
}

// samePrinted compares two outputs of concur's printer: the same stamps in
// the same order, and the same records at each (in any order), or, for
// bySorted, the same records in any order.
func samePrinted(want, got string, m mode) bool {
	w, g := records(want), records(got)
	if m != byOrder {
		// Which goroutine printed a line is up to the scheduler here.
		for _, rs := range [][]record{w, g} {
			for i := range rs {
				rs[i].text = stampLabel.ReplaceAllString(rs[i].text, "$1")
			}
		}
	}
	if len(w) != len(g) {
		return false
	}
	texts := func(rs []record) []string {
		s := make([]string, len(rs))
		for i, r := range rs {
			s[i] = r.text
		}
		slices.Sort(s)
		return s
	}
	if m == bySorted {
		return slices.Equal(texts(w), texts(g))
	}
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && w[j].stamp == w[i].stamp {
			j++
		}
		for k := i; k < j; k++ {
			if g[k].stamp != w[i].stamp {
				return false
			}
		}
		if !slices.Equal(texts(w[i:j]), texts(g[i:j])) {
			return false
		}
		i = j
	}
	return true
}
