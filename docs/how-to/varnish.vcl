vcl 4.1;
# Varnish in front of kommunnatverk, purging by surrogate key with the xkey vmod
# (Debian: apt install varnish varnish-modules). See docs/how-to/cdn.md.
#
# The app names what each response shows in its xkey header; a purge is a PURGE
# request with the keys in xkey-purge (kommunnatverk.frontend_cache.VarnishBackend),
# or a plain PURGE of one URL (Wagtail's own frontend-cache purges).

import std;
import xkey;
import directors;

# Two app servers; kommunnatverk's tests write their ports here.
backend app1 { .host = "127.0.0.1"; .port = "8001"; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; }

# Who may purge: the app servers and the task worker.
acl purgers { "127.0.0.1"; "::1"; }

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # A hard purge: the next request fetches anew, never a stale copy.
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone + " objects"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, Django's admin, previews and signed-in visitors go to the app.
    if (req.url ~ "^/(admin|django-admin)/" || req.url ~ "^/api/network/preview/"
        || req.http.Authorization || req.http.Cookie ~ "sessionid=") {
        return (pass);
    }
    # Public pages read no cookie of an anonymous visitor (csrftoken, language).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Errors are never kept: a page published a moment later must not stay a 404.
    if (beresp.status >= 400) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Surrogate-Control (KOMMUNNATVERK["EDGE_CACHE_CONTROL"]) is for this cache alone:
    # purges keep it fresh while browsers follow Cache-Control.
    if (beresp.http.Surrogate-Control ~ "(^|[ ,])max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
            ".*(^|[ ,])max-age=([0-9]+).*", "\2") + "s", 0s);
        set beresp.grace = 0s;
        if (beresp.http.Surrogate-Control ~ "stale-while-revalidate=[0-9]+") {
            set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control,
                ".*stale-while-revalidate=([0-9]+).*", "\1") + "s", 0s);
        }
    }
    # Kept past its TTL for revalidation with the ETag (a 304 from the app refreshes it),
    # and served stale meanwhile as stale-while-revalidate allows (Varnish reads it into
    # beresp.grace).
    set beresp.keep = 1h;
    if (beresp.was_304) {
        set beresp.http.X-Revalidated = "1";
    } else {
        unset beresp.http.X-Revalidated;
    }
}

sub vcl_hit {
    if (obj.ttl <= 0s && obj.grace > 0s) {
        set req.http.X-Cache-State = "stale";
    }
}

sub vcl_deliver {
    if (obj.hits > 0 && req.http.X-Cache-State == "stale") {
        set resp.http.X-Cache = "HIT-STALE";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys and the edge's own Cache-Control are none of the client's business.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
}
