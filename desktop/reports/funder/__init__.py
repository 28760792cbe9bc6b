"""The funder report's PDF (issue 15): data to print (``data``) and its layout (``pdf``)."""
