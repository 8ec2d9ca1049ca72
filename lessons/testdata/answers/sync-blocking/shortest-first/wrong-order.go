// Wrong: B first, then C: C stops at 6 s, B at 5 s.
func task(name string, d time.Duration) {
	fmt.Println("task", name, "start")
	time.Sleep(d)
	fmt.Println("task", name, "stop")
}

task("B", 5*time.Second)
task("C", 1*time.Second)
task("A", 10*time.Second)
