"""The statute rules engine: citations, calendars, elections, terms and the plan's timetable."""
