package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/session"
)

const recordedSession = "../../session/testdata/recorded.jsonl"

// exportRecorded runs `concur export recorded.jsonl --format html -o PAGE`.
func exportRecorded(t *testing.T, dir string) string {
	t.Helper()
	page := filepath.Join(dir, "session.html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", recordedSession, "--format", "html", "-o", page}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("concur export: exit %d: %s", code, stderr.String())
	}
	return page
}

// The page is self-contained: no address a browser would fetch.
func TestExportHTMLSelfContained(t *testing.T) {
	b, err := os.ReadFile(exportRecorded(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if m := regexp.MustCompile(`(?i)https?:|//[a-z0-9.-]+\.[a-z]{2,}/|\bsrc=|<link\b|@import`).FindString(page); m != "" {
		t.Errorf("the page refers to something outside it: %q", m)
	}
	for _, want := range []string{`<meta charset="utf-8">`, "<style>", "<script>", `<svg class="timeline"`, `id="play"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %s", want)
		}
	}
}

// Text is escaped, Chinese kept as UTF-8, faults red, goroutines coloured.
func TestExportHTMLEscapesAndColours(t *testing.T) {
	s := &session.Session{
		Header: session.Header{Kind: "session", V: 1, Concur: "devel", Go: "go1.26.8", Clock: "virtual", Cols: 80, Rows: 24, Start: time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)},
		Inputs: []session.Input{{N: 1, T: time.Second, Src: `fmt.Println("<b>你好</b>")`, Events: []session.Event{
			{Event: event.Event{Kind: event.Go, G: 2, Name: "worker", Parent: 1}},
			{Event: event.Event{Kind: event.Output, T: 5e6, G: 2, Stream: "stdout", Text: "<script>alert(1)</script> 世界"}},
			{Event: event.Event{Kind: event.Panic, T: 7e6, G: 2, Text: "panic: 坏了"}},
			{Event: event.Event{Kind: event.Exit, T: 7e6, Code: 2}},
		}}},
	}
	b, err := exportHTML(s)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{"&lt;b&gt;你好&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt; 世界", "panic: 坏了", "g2 worker", htmlColor(2), `class="line step fault"`, `<g class="lane" data-g="2">`, `class="panic"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("output text is not escaped")
	}
}

func TestAxisTicks(t *testing.T) {
	for _, c := range []struct {
		total int64
		want  string
	}{
		{300e6, "0 100ms 200ms 300ms"},
		{1e9, "0 200ms 400ms 600ms 800ms 1s"},
		{2500e6, "0 500ms 1s 1.5s 2s 2.5s"},
		{7, "0 2ns 4ns 6ns"},
		{0, "0"},
	} {
		var got []string
		for _, tick := range axisTicks(c.total) {
			got = append(got, axisLabel(tick))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("axisTicks(%d) = %s, want %s", c.total, g, c.want)
		}
	}
}

// TestExportHTMLChromium loads the exported page in headless Chromium and
// checks what rendered; the screenshot goes to $CONCUR_ARTIFACTS or a
// temporary folder.
func TestExportHTMLChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium or chromium-browser on PATH: install Debian's chromium to test the HTML export in a browser")
	}
	dir := t.TempDir()
	page := exportRecorded(t, dir)
	artefacts := t.TempDir()
	if d := os.Getenv("CONCUR_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		artefacts = d
	}
	shot := filepath.Join(artefacts, "export-html.png")
	chromium := func(url string, extra ...string) []byte {
		t.Helper()
		args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + t.TempDir()}, extra...)
		args = append(args, url)
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, browser, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
		}
		return stdout.Bytes()
	}
	url := "file://" + page
	dom := string(chromium(url, "--dump-dom"))
	chromium(url, "--screenshot="+shot, "--window-size=1200,2200")
	t.Logf("screenshot: %s", shot)
	if fi, err := os.Stat(shot); err != nil || fi.Size() == 0 {
		t.Errorf("no screenshot: %v", err)
	}

	// The script ran (it marks the body) and left everything visible.
	if !regexp.MustCompile(`<body[^>]*class="js"`).MatchString(dom) {
		t.Error("the page's script did not run")
	}
	hidden := regexp.MustCompile(`class="[^"]*\bhidden\b`)
	if hidden.MatchString(dom) {
		t.Error("something is hidden before Play is pressed")
	}
	for _, want := range []string{
		"Recorded <time>2026-11-25 01:55:24 UTC</time> · virtual clock · concur devel · go1.26.8",
		`<button type="button" id="play"`, "▶ Play",
		`id="input-1"`, `id="input-8"`,
		"fanIn()", "ch &lt;- 1", "func boom() {",
		"+0.100s", "worker 1 done", "+0.300s", "worker 3 done",
		"panic: boom", "fatal error: all goroutines are asleep - deadlock!", "g1 main: chan send",
		": 3",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page has no %q", want)
		}
	}
	// Stamped lines coloured by goroutine: g5's label in its colour.
	if !strings.Contains(dom, `style="color: `+htmlColor(5)+`">g5 boom.func1</span>`) {
		t.Error("g5's label is not in its colour")
	}
	// One SVG per run that took time and slept or used goroutines (input 3;
	// input 5's panic happened at 0 s), with a lane per goroutine.
	svgs := regexp.MustCompile(`(?s)<svg class="timeline".*?</svg>`).FindAllString(dom, -1)
	if len(svgs) != 1 {
		t.Fatalf("%d timelines, want 1 (input 3)", len(svgs))
	}
	lanes := regexp.MustCompile(`<g class="lane" data-g="(\d+)">.*?<text class="label"[^>]*>([^<]*)</text>`)
	for i, want := range [][]string{{"g1 main", "g2 worker", "g3 worker", "g4 worker"}} {
		var got []string
		for _, m := range lanes.FindAllStringSubmatch(svgs[i], -1) {
			got = append(got, m[2])
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("timeline %d: lanes %q, want %q", i+1, got, want)
		}
	}
	for _, want := range []string{`class="asleep"`, `class="printed"`, `class="ended"`, ">300ms</text>"} {
		if !strings.Contains(svgs[0], want) {
			t.Errorf("timeline 1 has no %s", want)
		}
	}

	// Play (page.html#play presses it on load) replays at the recorded
	// pace: 1.5 s in, input 1 (entered at 1.0 s) shows and input 3's
	// output (3.0 s) does not; at the end everything shows again.
	early := string(chromium(url+"#play", "--virtual-time-budget=1500", "--dump-dom"))
	if !regexp.MustCompile(`<h2 class="step" data-at="1000">Input 1</h2>`).MatchString(early) {
		t.Error("1.5 s into Play, input 1 is not showing")
	}
	if !regexp.MustCompile(`<span class="line step out hidden" data-at="\d+">.*worker 1 done`).MatchString(early) {
		t.Error("1.5 s into Play, input 3's output is already showing")
	}
	if !strings.Contains(early, "■ Stop") {
		t.Error("1.5 s into Play, the button does not say Stop")
	}
	done := string(chromium(url+"#play", "--virtual-time-budget=30000", "--dump-dom"))
	if hidden.MatchString(done) || !strings.Contains(done, "▶ Play") {
		t.Error("after Play ended, not everything shows again")
	}
}

// A goroutine that panics after taking time is drawn with its panic mark.
func TestTimelineSVGPanic(t *testing.T) {
	events := []event.Event{
		{Kind: event.Go, G: 2, Name: "worker", Parent: 1},
		{Kind: event.Sleep, G: 2, D: int64(time.Second)},
		{Kind: event.Panic, T: int64(time.Second), G: 2, Text: "panic: boom"},
		{Kind: event.Exit, T: int64(time.Second), Code: 2},
	}
	svg := string(timelineSVG(events))
	for _, want := range []string{`class="panic"`, `class="asleep"`, ">g2 worker</text>", ">1s</text>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the timeline has no %s:\n%s", want, svg)
		}
	}
}
