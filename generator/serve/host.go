package serve

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// hosts is what a request's Host header may name: the address serve
// listens on. A browser sends the host name of the page's own address,
// so a page of another site whose name an attacker pointed at
// 127.0.0.1 (DNS rebinding) sends that name, and is refused: it reads
// nothing, drafts included.
type hosts struct {
	addr  string          // where serve listens, for the message
	port  string          // the port bound; a Host without one is accepted too
	names map[string]bool // lower case; IPv6 addresses without brackets
	// everywhere: listening on every interface, any address of this
	// computer is accepted as well.
	everywhere bool
}

// hostsOf lists what Host headers name the address l listens on: that
// address, and localhost, 127.0.0.1 and ::1 for loopback; when given by
// Listen, the name given in --addr; when l listens on every interface,
// this computer's name and addresses.
func hostsOf(l net.Listener) hosts {
	h := hosts{addr: l.Addr().String(), names: map[string]bool{}}
	tcp, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		return h
	}
	h.port = strconv.Itoa(tcp.Port)
	h.names[strings.ToLower(tcp.IP.String())] = true
	if named, ok := l.(*listener); ok && named.host != "" {
		h.names[strings.ToLower(strings.Trim(named.host, "[]"))] = true
	}
	if tcp.IP.IsLoopback() || tcp.IP.IsUnspecified() {
		for _, n := range []string{"localhost", "127.0.0.1", "::1"} {
			h.names[n] = true
		}
	}
	if tcp.IP.IsUnspecified() {
		h.everywhere = true
		if name, err := os.Hostname(); err == nil {
			h.names[strings.ToLower(name)] = true
		}
	}
	return h
}

// allow reports whether the value of a Host header names the address.
func (h hosts) allow(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil { // no port, as browsers send it for port 80
		name, port = host, ""
		if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
			name = name[1 : len(name)-1]
		} else if strings.Contains(name, ":") {
			return false // an IPv6 address needs brackets
		}
	}
	if name == "" || port != "" && port != h.port {
		return false
	}
	name = strings.ToLower(name)
	if h.names[name] {
		return true
	}
	ip := net.ParseIP(name)
	if !h.everywhere || ip == nil || ip.String() != name {
		return false
	}
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// checkHost answers 421 Misdirected Request to a request whose Host
// header names another host than h, before next sees it.
func checkHost(h hosts, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.allow(r.Host) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusMisdirectedRequest)
		fmt.Fprintf(w, "ismsgen serve answers only requests addressed to %s (or localhost for loopback); this one was addressed to %q.\nOpen http://%s/ instead. Requests for other host names are refused so that a page of another site cannot read this one.\n", h.addr, r.Host, h.addr)
	})
}
