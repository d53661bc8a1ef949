"""The typed model: police areas, plans and the documents around them, validated at construction."""
