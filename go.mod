module github.com/concur-dev/concur

go 1.26.0

require (
	github.com/ergochat/readline v0.1.2
	github.com/petermattis/goid v0.0.0-20261109124353-7cfa343ad0ab
	github.com/rogpeppe/go-internal v1.16.0
	github.com/traefik/yaegi v0.16.1
	golang.org/x/sys v0.50.0
	golang.org/x/term v0.48.0
	golang.org/x/tools v0.26.0
)

require golang.org/x/text v0.9.0 // indirect
