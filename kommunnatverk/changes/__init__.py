"""What follows a change: the content version (ETags, the snapshot), webhook events and
CDN purges. ``signal_handlers.register_signal_handlers`` connects them all."""
