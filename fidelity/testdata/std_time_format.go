package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 13, 4, 5, 0, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format("Mon Jan 2 15:04:05 2006"), t.Format("02/01/06 3PM"))
	fmt.Println(t.Weekday(), t.YearDay(), t.Add(24*time.Hour).Month())
	p, err := time.Parse("2006-01-02 15:04", "2023-12-25 08:30")
	fmt.Println(p, err)
	fmt.Println(t.Sub(p).Round(time.Hour), p.Before(t), t.AddDate(0, 1, 0).Format(time.DateOnly))
	_, err = time.Parse(time.DateOnly, "2023-13-01")
	fmt.Println(err)
	d, _ := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, d.Minutes(), time.Duration(90)*time.Second)
	fmt.Println(t.Truncate(time.Hour).Format(time.Kitchen), t.Unix())
}
