"""Publishing a built site: manifests, atomic releases with rollback, web-server configs, CI output.

Engine-agnostic (no MkDocs): it works on a finished ``site/`` folder. See DEPLOY.md for the administrator's guide.
"""
