package serve

import (
	"net"

	"ismsgen/generator/diag"
)

// listener is a listener with the host named in --addr, which Serve
// accepts in the Host header beside the address bound.
type listener struct {
	net.Listener
	host string
}

// DefaultAddr is where serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:1313"

// Listen opens addr for serving. An address without a host (":1313")
// would serve the site to the whole network without saying so, and is
// refused with a *diag.UsageError; a non-loopback address given
// explicitly ("0.0.0.0:1313", "192.0.2.10:1313") is opened, and warning
// says that every published document is readable from the network.
// Serve answers only requests whose Host header names the address (see
// hostsOf).
func Listen(addr string) (l net.Listener, warning diag.Text, err error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, warning, diag.Usagef("--addr %q: %v (write host:port, e.g. %s)", addr, err, DefaultAddr)
	}
	if host == "" {
		return nil, warning, diag.Usagef("--addr %q would serve the site on every network interface; serve listens on loopback (--addr %s), or on another address only when it is named, e.g. --addr 0.0.0.0:%s", addr, DefaultAddr, port)
	}
	tl, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, warning, diag.Usagef("--addr %s: %v", addr, err)
	}
	l = &listener{Listener: tl, host: host}
	if ip := l.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		where := diag.Msg("on %s", ip.String())
		if ip.IsUnspecified() {
			where = diag.Msg("on every network interface")
		}
		warning = diag.Msg("warning: serving %s, not only on this computer: anyone who can reach %s can read every published document, including drafts when --drafts is set", where, l.Addr())
	}
	return l, warning, nil
}
