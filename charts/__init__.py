"""Plotly figure builders: data in, figure out. No Streamlit, no database."""
