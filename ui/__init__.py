"""The Streamlit app's pages and helpers (app.py is the entry point)."""
