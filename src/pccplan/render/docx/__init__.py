"""The DOCX renderer: `writer` builds the package, `xml` holds every WordprocessingML element."""
