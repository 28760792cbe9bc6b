"""The centre's store on PostgreSQL (issue 17): the record model's changes, devices and their access."""
