"""Reading inputs, batch runs, and tables: everything between files and the pipeline."""
