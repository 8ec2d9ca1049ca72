// Right: the tasks in a table, shortest first, run one after another on
// main.
type job struct {
	name string
	d    time.Duration
}

func task(name string, d time.Duration) {
	fmt.Println("task", name, "start")
	time.Sleep(d)
	fmt.Println("task", name, "stop")
}

for _, j := range []job{{"C", time.Second}, {"B", 5 * time.Second}, {"A", 10 * time.Second}} {
	task(j.name, j.d)
}
