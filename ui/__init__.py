"""Streamlit glue shared by the pages: connection, language, friendly errors."""
