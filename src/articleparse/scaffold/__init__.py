"""Templates for ``articleparse packs new``: a pack distribution ready to install and test.

Every template is a ``.txt`` or ``.toml`` file so that the project's package-data globs ship it;
``{{name}}`` placeholders are filled in by :func:`articleparse.packs_cli.new_pack`.
"""
