"""Editor and translator roles: the setup command's groups and the locale restriction."""
