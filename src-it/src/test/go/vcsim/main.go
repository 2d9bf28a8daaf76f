// A vCenter simulator for the conformance tests: govmomi's vcsim (the govmomi module go.mod pins),
// with its PBM endpoint mounted, on a loopback port over plain HTTP. It prints its URL and runs until SIGTERM.
package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	_ "github.com/vmware/govmomi/pbm/simulator"
	"github.com/vmware/govmomi/simulator"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on")
	machines := flag.Int("vm", 2, "virtual machines per resource pool")
	username := flag.String("username", "okms", "the only user name Login accepts")
	password := flag.String("password", "vcsim-secret", "the only password Login accepts")
	flag.Parse()

	model := simulator.VPX()
	model.Machine = *machines
	if err := model.Create(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*username, *password)}
	model.Service.TLS = nil
	model.Service.RegisterEndpoints = true
	server := model.Service.NewServer()
	fmt.Println("VCSIM_URL=" + server.URL.String())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
	server.Close()
	model.Remove()
}
