package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/concur-dev/concur/event"
	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
)

const recordedSession = "../../session/testdata/recorded.jsonl"

// exportRecorded runs `concur export FILE --format html -o PAGE`.
func exportRecorded(t *testing.T, dir, file string) string {
	t.Helper()
	page := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), ".jsonl")+".html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", file, "--format", "html", "-o", page}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("concur export: exit %d: %s", code, stderr.String())
	}
	return page
}

// blockingInputs is a session with a pipeline (gen → square → main), a
// mutex three goroutines take turns on, and a deadlock: main holds the
// mutex and waits on a channel that only a goroutine waiting for the mutex
// would send on. Each line that is complete is an input, as typed.
const blockingInputs = `func gen(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		time.Sleep(100 * time.Millisecond)
		out <- i
	}
	close(out)
}
func square(in <-chan int, out chan<- int) {
	for v := range in {
		time.Sleep(50 * time.Millisecond)
		out <- v * v
	}
	close(out)
}
nums := make(chan int)
squares := make(chan int)
go gen(3, nums)
go square(nums, squares)
for s := range squares {
	fmt.Println("square", s)
}
var mu sync.Mutex
var wg sync.WaitGroup
total := 0
for i := 1; i <= 3; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		time.Sleep(100 * time.Millisecond)
		total += i
	}()
}
wg.Wait()
fmt.Println("total", total)
done := make(chan bool)
mu.Lock()
go func() { mu.Lock(); fmt.Println("never"); done <- true }(); time.Sleep(200 * time.Millisecond); <-done
`

// recordBlocking records blockingInputs with `concur --record` (the REPL,
// piped, in lang) and returns the session file.
func recordBlocking(t *testing.T, dir, lang string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs a session in a worker")
	}
	file := filepath.Join(dir, "blocking-"+lang+".jsonl")
	var stdout, stderr bytes.Buffer
	code := run([]string{"--record", file, "--lang", lang}, strings.NewReader(blockingInputs), &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "fatal error: all goroutines are asleep - deadlock!") {
		t.Fatalf("concur --record: exit %d, want 2 (the deadlock)\n%s%s", code, stdout.String(), stderr.String())
	}
	return file
}

// The page is self-contained: no address a browser would fetch.
func TestExportHTMLSelfContained(t *testing.T) {
	b, err := os.ReadFile(exportRecorded(t, t.TempDir(), recordedSession))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if m := regexp.MustCompile(`(?i)https?:|//[a-z0-9.-]+\.[a-z]{2,}/|\bsrc=|<link\b|@import`).FindString(page); m != "" {
		t.Errorf("the page refers to something outside it: %q", m)
	}
	for _, want := range []string{`<meta charset="utf-8">`, "<style>", "<script>", `<svg class="timeline wide"`, `<svg class="timeline narrow"`, `id="play"`, `id="prev"`, `id="next"`} {
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
	for _, want := range []string{"&lt;b&gt;你好&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt; 世界", "panic: 坏了", "g2 worker", htmlColor(2),
		`class="line step fault"`, `<g class="lane" data-g="2" color="` + htmlColor(2) + `">`, `class="panic"`} {
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
		n     int
		want  string
	}{
		{300e6, 5, "0 100ms 200ms 300ms"},
		{1e9, 5, "0 200ms 400ms 600ms 800ms 1s"},
		{2500e6, 5, "0 500ms 1s 1.5s 2s 2.5s"},
		{2500e6, 3, "0 1s 2s"},
		{7, 5, "0 2ns 4ns 6ns"},
		{0, 5, "0"},
	} {
		var got []string
		for _, tick := range axisTicks(c.total, c.n) {
			got = append(got, axisLabel(tick))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("axisTicks(%d, %d) = %s, want %s", c.total, c.n, g, c.want)
		}
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
	for _, narrow := range []bool{false, true} {
		svg := string(timelineSVG(repl.Lanes(events, repl.DefaultLanes), "en", 1, narrow))
		for _, want := range []string{`class="panic"`, `class="span asleep"`, ">g2 worker</text>", ">1s</text>", `class="playhead"`} {
			if !strings.Contains(svg, want) {
				t.Errorf("narrow %v: the timeline has no %s:\n%s", narrow, want, svg)
			}
		}
	}
}

var (
	svgRx     = regexp.MustCompile(`(?s)<svg class="timeline (wide|narrow)".*?</svg>`)
	sectionRx = regexp.MustCompile(`(?s)<section class="input" id="input-(\d+)".*?</section>`)
	arrowRx   = regexp.MustCompile(`<line class="handoff"[^>]* data-t="(\d+)" data-by="(\d+)" data-g="(\d+)" data-obj="(\d+)"`)
	laneRx    = regexp.MustCompile(`<g class="lane" data-g="(\d+)" color="([^"]*)">(?:<text class="label"[^>]*>([^<]*)</text>)?`)
)

// charts returns each input's charts (wide, then narrow), by input.
func charts(page string) map[int][]string {
	out := map[int][]string{}
	for _, m := range sectionRx.FindAllStringSubmatch(page, -1) {
		n, _ := strconv.Atoi(m[1])
		out[n] = svgRx.FindAllString(m[0], -1)
	}
	return out
}

// The page of a session with a pipeline, a mutex and a deadlock: a chart
// for each of the three runs that took time, with the states styled apart,
// an arrow for each hand-off the stream shows (a wake by another
// goroutine), the deadlock's stuck waits, and the report under it.
func TestExportHTMLBlocking(t *testing.T) {
	dir := t.TempDir()
	file := recordBlocking(t, dir, "en")
	b, err := os.ReadFile(exportRecorded(t, dir, file))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	s, err := session.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	withCharts := map[int]string{}
	for n, c := range charts(page) {
		if len(c) > 0 {
			withCharts[n] = s.Inputs[n-1].Src
			if len(c) != 2 || !strings.Contains(c[0], `class="timeline wide"`) || !strings.Contains(c[1], `class="timeline narrow"`) {
				t.Errorf("input %d: %d charts, want a wide and a narrow one", n, len(c))
			}
		}
	}
	want := map[string]bool{"for s := range squares {\n\tfmt.Println(\"square\", s)\n}": true, "wg.Wait()": true}
	for n, src := range withCharts {
		if !want[src] && !strings.HasSuffix(src, "<-done") {
			t.Errorf("input %d has a chart: %q", n, src)
		}
	}
	if len(withCharts) != 3 {
		t.Fatalf("charts for %d inputs, want 3 (the pipeline, the mutex, the deadlock): %v", len(withCharts), withCharts)
	}
	byInput := charts(page)
	for n := range withCharts {
		in := s.Inputs[n-1]
		for _, svg := range byInput[n] {
			// Every hand-off the stream shows between two lanes is an
			// arrow, from the goroutine that acted to the one it woke.
			var wakes, arrows []string
			lanes := map[string]bool{}
			for _, m := range laneRx.FindAllStringSubmatch(svg, -1) {
				lanes[m[1]] = true
			}
			for _, e := range in.EngineEvents() {
				if e.Kind == event.Wake && e.By > 0 && lanes[fmt.Sprint(e.By)] && lanes[fmt.Sprint(e.G)] && e.By != e.G {
					wakes = append(wakes, fmt.Sprintf("%d %d→%d on %d", e.T, e.By, e.G, e.Obj))
				}
			}
			for _, m := range arrowRx.FindAllStringSubmatch(svg, -1) {
				arrows = append(arrows, fmt.Sprintf("%s %s→%s on %s", m[1], m[2], m[3], m[4]))
			}
			if strings.Join(arrows, "; ") != strings.Join(wakes, "; ") || len(arrows) == 0 && !strings.HasSuffix(in.Src, "<-done") {
				t.Errorf("input %d: arrows %q, want one for each hand-off: %q", n, arrows, wakes)
			}
			if c := strings.Count(svg, `class="playhead"`); c != 1 || !strings.Contains(svg, `visibility="hidden"`) {
				t.Errorf("input %d: %d playheads, or one not hidden before the controls move it", n, c)
			}
			if !strings.Contains(svg, `data-total="`+fmt.Sprint(runTime(in.EngineEvents()))+`"`) {
				t.Errorf("input %d: the chart does not say how long the run took", n)
			}
		}
	}
	// The states, each styled its own way, in each chart.
	for n, classes := range map[string][]string{
		"for s := range squares": {`class="span asleep"`, `class="span wait-chan"`, `class="printed"`, `class="ended"`, ">g2 gen</text>", ">g3 square</text>"},
		"wg.Wait()":              {`class="span asleep"`, `class="span wait-sync"`, `fill="url(#cross)"`, "sync.Mutex.Lock", "sync.WaitGroup.Wait"},
		"<-done":                 {`class="span wait-chan stuck"`, `class="span wait-sync stuck"`, `fill="url(#hatch)"`, "chan receive on done", "sync.Mutex.Lock on sync.Mutex #", "deadlock: waits for ever"},
	} {
		for in, src := range withCharts {
			if !strings.Contains(src, n) {
				continue
			}
			for _, svg := range byInput[in] {
				for _, c := range classes {
					if !strings.Contains(svg, c) {
						t.Errorf("the chart of %q has no %s", n, c)
					}
				}
			}
		}
	}
	for _, want := range []string{
		`<html lang="en">`, "fatal error: all goroutines are asleep - deadlock!",
		"g1 main: chan receive on done (made at #14:1:9)",
		"no goroutine is left that could send on done, or unlock sync.Mutex #",
		"hand-off: the arrow points at the goroutine it woke",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
}

// The page of a session recorded in Chinese is in Chinese: its lang, its
// controls, headings, legends, titles and reports; only Go's words and the
// program's own text stay as they are.
func TestExportHTMLChinese(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(exportRecorded(t, dir, recordBlocking(t, dir, "zh")))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{`<html lang="zh">`, "▶ 播放", "上一个事件", "下一个事件", "速度", "跳过超过 2 秒的停顿", "输入 7", "录制于 ", "虚拟时钟",
		"睡眠", "阻塞：chan receive", "交接：箭头指向被唤醒的 goroutine", "死锁：永远等不到",
		"g1 main：chan receive（done，创建于 #14:1:9）", "再也没有 goroutine 能向 done 发送，或解锁 sync.Mutex #"} {
		if !strings.Contains(page, want) {
			t.Errorf("the Chinese page has no %q", want)
		}
	}
	// None of the English page's words: strip the code, the output and
	// the script, which are not concur's words.
	text := regexp.MustCompile(`(?s)<script>.*?</script>|<style>.*?</style>|<pre class="src.*?</pre>|<span class="text">.*?</span>`).ReplaceAllString(page, "")
	text = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(text, " ")
	english := []string{"Play", "Stop", "previous event", "next event", "speed", "skip pauses", "Input ", "Recorded", "virtual clock",
		"asleep", "blocked", "printed", "ended", "hand-off", "for ever", " on done", "no goroutine", "made at", ", for "}
	for _, w := range english {
		if strings.Contains(text, w) {
			i := strings.Index(text, w)
			t.Errorf("the Chinese page says %q: …%s…", w, text[max(i-80, 0):min(i+80, len(text))])
		}
	}
	for _, w := range []htmlWords{htmlEn, htmlZh} {
		for _, s := range []string{w.Title, w.Heading, w.Recorded, w.Input, w.Play, w.Stop, w.Speed, w.SkipIdle, w.Prev, w.Next,
			w.Virtual, w.Real, w.HandOffs, w.Playhead, w.ChartOf, w.Wait, w.Woke, w.Stuck} {
			if s == "" {
				t.Errorf("a word of the page is missing: %+v", w)
			}
		}
	}
}

// chromium finds the browser, or skips the test.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium or chromium-browser on PATH: install Debian's chromium to test the HTML export in a browser")
	return ""
}

// runChromium loads url in headless Chromium with extra flags and returns
// what it printed.
func runChromium(t *testing.T, browser, url string, extra ...string) []byte {
	t.Helper()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, url)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
	}
	return stdout.Bytes()
}

// artefacts is where screenshots go: $CONCUR_ARTIFACTS, or a temporary
// folder.
func artefacts(t *testing.T) string {
	if d := os.Getenv("CONCUR_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// TestExportHTMLChromium loads the page of session/testdata/recorded.jsonl
// (recorded with an older concur: no block events) in headless Chromium and
// checks what rendered, and that Play replays it at its pace.
func TestExportHTMLChromium(t *testing.T) {
	browser := findChromium(t)
	page := exportRecorded(t, t.TempDir(), recordedSession)
	shot := filepath.Join(artefacts(t), "export-html.png")
	url := "file://" + page
	dom := string(runChromium(t, browser, url, "--dump-dom"))
	runChromium(t, browser, url, "--screenshot="+shot, "--window-size=1200,2200")
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
	// Charts for the one run that took time and slept or used goroutines
	// (input 3; input 5's panic happened at 0 s), with a lane per goroutine.
	c := charts(dom)
	for n, svgs := range c {
		if n != 3 && len(svgs) > 0 {
			t.Errorf("input %d has a chart", n)
		}
	}
	if len(c[3]) != 2 {
		t.Fatalf("input 3: %d charts, want 2 (wide and narrow)", len(c[3]))
	}
	for _, svg := range c[3] {
		var got []string
		for _, m := range laneRx.FindAllStringSubmatch(svg, -1) {
			got = append(got, "g"+m[1])
		}
		if strings.Join(got, ",") != "g1,g2,g3,g4" {
			t.Errorf("input 3: lanes %q, want g1 to g4", got)
		}
		for _, want := range []string{`class="span asleep"`, `class="printed"`, `class="ended"`, ">300ms</text>"} {
			if !strings.Contains(svg, want) {
				t.Errorf("input 3's chart has no %s", want)
			}
		}
	}

	// Play (page.html#play presses it on load) replays at the recorded
	// pace: 1.5 s in, input 1 (entered at 1.0 s) shows and input 3's
	// output (3.0 s) does not; at the end everything shows again.
	early := string(runChromium(t, browser, url+"#play", "--virtual-time-budget=1500", "--dump-dom"))
	if !regexp.MustCompile(`<h2 class="step" data-at="1000">Input 1</h2>`).MatchString(early) {
		t.Error("1.5 s into Play, input 1 is not showing")
	}
	if !regexp.MustCompile(`<span class="line step out hidden" data-at="\d+" data-t="\d+">.*worker 1 done`).MatchString(early) {
		t.Error("1.5 s into Play, input 3's output is already showing")
	}
	if !strings.Contains(early, "■ Stop") {
		t.Error("1.5 s into Play, the button does not say Stop")
	}
	// While input 3 (entered at 3.03 s, 300 ms long) plays, its playhead is
	// on its chart, past the start, and the marks to come are faded. The
	// budget is Chromium's virtual time, yet on a loaded machine a snapshot
	// has come before the page's timers had caught up: any of three
	// snapshots inside input 3's play will do.
	playing := regexp.MustCompile(`class="playhead" x1="([\d.]+)"[^>]*visibility="visible"`)
	var seen []string
	for _, budget := range []string{"3200", "3260", "3130"} {
		mid := string(runChromium(t, browser, url+"#play", "--virtual-time-budget="+budget, "--dump-dom"))
		c := charts(mid)[3]
		if len(c) > 0 && playing.MatchString(c[0]) && strings.Contains(c[0], "future") {
			seen = nil
			break
		}
		seen = append(seen, fmt.Sprintf("at %s ms: %.600s", budget, c))
	}
	if seen != nil {
		t.Errorf("while input 3 plays, its chart has no playhead moving over it:\n%s", strings.Join(seen, "\n"))
	}
	done := string(runChromium(t, browser, url+"#play", "--virtual-time-budget=30000", "--dump-dom"))
	if hidden.MatchString(done) || !strings.Contains(done, "▶ Play") || strings.Contains(done, `visibility="visible"`) {
		t.Error("after Play ended, not everything shows again, or a playhead is still there")
	}
}

// stepScript, added to a copy of the page, presses "next event" until the
// last moment, then "previous event" once, and reports after each press
// which chart's playhead shows and where, how many steps are hidden and
// how many marks are faded.
const stepScript = `<script>
window.addEventListener("load", function () {
  var next = document.getElementById("next"), prev = document.getElementById("prev");
  var states = [];
  function state() {
    var s = {hidden: document.querySelectorAll(".step.hidden").length, future: document.querySelectorAll(".future").length, heads: []};
    Array.prototype.forEach.call(document.querySelectorAll("svg.timeline"), function (svg) {
      var h = svg.querySelector(".playhead");
      if (h.getAttribute("visibility") === "visible") {
        s.heads.push({input: svg.closest("section").id, cls: svg.getAttribute("class"), x: parseFloat(h.getAttribute("x1")),
          x0: parseFloat(svg.getAttribute("data-x0")), x1: parseFloat(svg.getAttribute("data-x1"))});
      }
    });
    s.clock = document.getElementById("clock").textContent;
    return s;
  }
  for (var i = 0; i < 2000; i++) {
    next.click();
    var s = state();
    states.push(s);
    if (i > 0 && s.hidden === 0 && JSON.stringify(s) === JSON.stringify(states[states.length - 2])) { break; }
  }
  prev.click();
  states.push(state());
  var pre = document.createElement("pre");
  pre.id = "steps";
  pre.textContent = JSON.stringify(states);
  document.body.appendChild(pre);
});
</script>`

// measureScript, added to a copy of the page shown in a frame 375 CSS px
// wide, reports the page's width and, for each chart shown, the smallest
// font size its texts are drawn at in CSS px, to the frame's parent.
const measureScript = `<script>
window.addEventListener("load", function () {
  var out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, charts: []};
  Array.prototype.forEach.call(document.querySelectorAll("svg.timeline"), function (svg) {
    var shown = svg.getBoundingClientRect().width > 0, min = 1e9, n = 0;
    Array.prototype.forEach.call(svg.querySelectorAll("text"), function (t) {
      if (!shown) { return; }
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
      n++;
    });
    out.charts.push({cls: svg.getAttribute("class"), shown: shown, minFont: min, texts: n});
  });
  window.parent.postMessage(JSON.stringify(out), "*");
});
</script>`

const frameParent = `<!DOCTYPE html><html><body style="margin:0"><iframe src="%s" style="width:375px;height:2000px;border:0"></iframe><pre id="out">waiting</pre>
<script>addEventListener("message", function (e) { document.getElementById("out").textContent = e.data; });</script></body></html>`

// withScript writes a copy of page with script added before </body>.
func withScript(t *testing.T, page, name, script string) string {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(page), name)
	if err := os.WriteFile(out, bytes.Replace(b, []byte("</body>"), []byte(script+"</body>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonIn finds the JSON a script left in <pre id="id"> of a dumped DOM.
func jsonIn(t *testing.T, dom, id string, v any) {
	t.Helper()
	m := regexp.MustCompile(`<pre id="` + id + `">(.*?)</pre>`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no <pre id=%q> in the page: its script did not report", id)
	}
	text := strings.NewReplacer("&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'").Replace(m[1])
	if err := json.Unmarshal([]byte(text), v); err != nil {
		t.Fatalf("<pre id=%q>: %v\n%s", id, err, text)
	}
}

// colourCount counts the pixels of img within a small distance of the
// colour hex ("#c01818").
func colourCount(img image.Image, hex string) int {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	wr, wg, wb := int(v>>16), int(v>>8&0xff), int(v&0xff)
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if abs(int(r>>8)-wr)+abs(int(g>>8)-wg)+abs(int(bl>>8)-wb) <= 24 {
				n++
			}
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestExportHTMLChromiumBlocking renders the page of a session with a
// pipeline, a mutex and a deadlock in headless Chromium, in English and in
// Chinese: the screenshots hold the goroutines' colours and the deadlock's
// red; stepping with "next event" moves a playhead over each chart in turn,
// left to right, revealing the session; at 375 CSS px the phone charts show
// and their text is at least 10 px.
func TestExportHTMLChromiumBlocking(t *testing.T) {
	browser := findChromium(t)
	dir := t.TempDir()
	shots := artefacts(t)
	for _, lang := range []string{"en", "zh"} {
		page := exportRecorded(t, dir, recordBlocking(t, dir, lang))
		url := "file://" + page
		if lang == "zh" {
			if out, err := exec.Command("fc-list", ":lang=zh", "family").Output(); err != nil || len(bytes.TrimSpace(out)) == 0 {
				t.Errorf("no font for Chinese (fc-list :lang=zh): install fonts-noto-cjk, or the Chinese page renders as boxes")
			}
		}
		shot := filepath.Join(shots, "export-html-blocking-"+lang+".png")
		runChromium(t, browser, url, "--screenshot="+shot, "--window-size=1000,2600")
		t.Logf("screenshot: %s", shot)
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", shot, err)
		}
		// g2 gen's, g3 square's and g4's colours, the deadlock's red, the
		// sync waits' grey crosshatch.
		for _, c := range []string{htmlColor(2), htmlColor(3), htmlColor(4), htmlFault, "#8a8a8a"} {
			if n := colourCount(img, c); n < 20 {
				t.Errorf("%s: the screenshot has %d pixels of %s", lang, n, c)
			}
		}

		dom := string(runChromium(t, browser, "file://"+withScript(t, page, "steps.html", stepScript), "--dump-dom"))
		var states []struct {
			Hidden, Future int
			Clock          string
			Heads          []struct {
				Input, Cls string
				X, X0, X1  float64
			}
		}
		jsonIn(t, dom, "steps", &states)
		if len(states) < 20 {
			t.Fatalf("%s: %d moments to step through", lang, len(states))
		}
		var order []string
		lastX := map[string]float64{}
		for i, s := range states[:len(states)-1] {
			if i > 0 && s.Hidden > states[i-1].Hidden {
				t.Errorf("%s: step %d hides more of the session (%d) than the one before (%d)", lang, i, s.Hidden, states[i-1].Hidden)
			}
			if len(s.Heads) == 0 {
				continue
			}
			if len(s.Heads) != 2 || s.Heads[0].Input != s.Heads[1].Input {
				t.Errorf("%s: step %d: playheads %+v, want the wide and narrow ones of one chart", lang, i, s.Heads)
				continue
			}
			h := s.Heads[0]
			if n := len(order); n == 0 || order[n-1] != h.Input {
				order = append(order, h.Input)
			}
			if h.X < h.X0 || h.X > h.X1 || h.X < lastX[h.Input] {
				t.Errorf("%s: step %d: the playhead of %s at %g, out of [%g, %g] or back from %g", lang, i, h.Input, h.X, h.X0, h.X1, lastX[h.Input])
			}
			lastX[h.Input] = h.X
		}
		if len(order) != 3 {
			t.Errorf("%s: the playhead visited %q, want the three charts in turn", lang, order)
		}
		for input, x := range lastX {
			reached := false
			for _, s := range states {
				reached = reached || len(s.Heads) > 0 && s.Heads[0].Input == input && s.Heads[0].X1 == x
			}
			if !reached {
				t.Errorf("%s: the playhead never reached the end of %s's chart (last at %g)", lang, input, x)
			}
		}
		if last := states[len(states)-2]; last.Hidden != 0 || !strings.Contains(last.Clock, "+") {
			t.Errorf("%s: at the last moment %d steps are still hidden, the clock says %q", lang, last.Hidden, last.Clock)
		}
		// The last moment came twice (next at the end stays there), then
		// previous went back one.
		if back, before := states[len(states)-1], states[len(states)-4]; back.Hidden != before.Hidden || back.Clock != before.Clock {
			t.Errorf("%s: previous event went to %+v, want %+v", lang, back, before)
		}

		// On a phone.
		measured := withScript(t, page, "measured.html", measureScript)
		parent := filepath.Join(dir, "phone-"+lang+".html")
		if err := os.WriteFile(parent, []byte(fmt.Sprintf(frameParent, filepath.Base(measured))), 0o644); err != nil {
			t.Fatal(err)
		}
		dom = string(runChromium(t, browser, "file://"+parent, "--window-size=800,800", "--virtual-time-budget=5000", "--dump-dom"))
		var phone struct {
			ScrollWidth, InnerWidth int
			Charts                  []struct {
				Cls     string
				Shown   bool
				MinFont float64
				Texts   int
			}
		}
		jsonIn(t, dom, "out", &phone)
		if phone.InnerWidth != 375 || phone.ScrollWidth > 375 {
			t.Errorf("%s at 375 px: the page is %d px wide in a %d px frame", lang, phone.ScrollWidth, phone.InnerWidth)
		}
		if len(phone.Charts) != 6 {
			t.Errorf("%s: %d charts, want 6", lang, len(phone.Charts))
		}
		for _, c := range phone.Charts {
			narrow := strings.Contains(c.Cls, "narrow")
			if c.Shown != narrow {
				t.Errorf("%s at 375 px: chart %q shown: %v", lang, c.Cls, c.Shown)
			}
			if c.Shown && (c.Texts == 0 || c.MinFont < 10) {
				t.Errorf("%s at 375 px: a chart's smallest text is %.1f px (%d texts), want at least 10", lang, c.MinFont, c.Texts)
			}
		}
	}
}
