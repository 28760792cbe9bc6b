"""Storage package: connection, migrations, repositories, search, change log,
bundles and backups. Every SQL statement of the project lives here. No Qt."""
