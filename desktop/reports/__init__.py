"""PDF reports: pure report-data builders and ReportLab renderers."""
