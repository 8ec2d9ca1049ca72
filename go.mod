module github.com/concur-dev/concur

go 1.26.0

require (
	github.com/chzyer/readline v1.5.1 // indirect
	github.com/petermattis/goid v0.0.0-20261109124353-7cfa343ad0ab // indirect
	github.com/rogpeppe/go-internal v1.16.0 // indirect
	github.com/traefik/yaegi v0.16.1 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/term v0.48.0 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
