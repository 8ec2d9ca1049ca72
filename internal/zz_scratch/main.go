package main

import (
	"fmt"
	"reflect"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

func main() {
	i := interp.New(interp.Options{})
	i.Use(stdlib.Symbols)
	i.Use(interp.Exports{"concur/b/b": {"Hello": reflect.ValueOf(func(a ...any) { fmt.Println("hello", a) })}})
	_, err := i.Eval("import __concur_b \"concur/b\"\nfunc __concur_x() { __concur_b.Hello(1) }\n")
	fmt.Println("prelude:", err)
	_, err = i.Eval("package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"main\"); __concur_b.Hello(2); __concur_x() }\n")
	fmt.Println("prog:", err)
}
