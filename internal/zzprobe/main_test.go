package zzprobe

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

type D struct{ n int }

func (d *D) Run(v any, f func()) {
	if v != nil {
		fmt.Println("Run saw", v)
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("Run caught", r)
		}
	}()
	f()
}

func (d *D) End(v any) { fmt.Println("End saw", v) }

const src = `package main

import (
	"fmt"
	"p"
)

func loop() (res int) {
	__d := p.New(); defer func() { __d.End(recover()) }()
	for i := 0; i < 3; i++ {
		{ t := i; defer func(t int) { __d.Run(recover(), (func() { fmt.Println("deferred", t); res += t })) }(t) }
	}
	defer func() { __d.Run(recover(), (func() { func() { panic("second") }() })) }()
	panic("first")
}

func main() {
	fmt.Println(loop())
}
`

func TestProbe(t *testing.T) {
	i := interp.New(interp.Options{Stdout: os.Stdout, Stderr: os.Stderr})
	i.Use(stdlib.Symbols)
	i.Use(interp.Exports{"p/p": {"New": reflect.ValueOf(func() *D { return &D{} }), "D": reflect.ValueOf((*D)(nil))}})
	done := make(chan error)
	go func() { _, err := i.Eval(src); done <- err }()
	fmt.Println(<-done)
}
