"""Chinese financial news to tidy tables: articles, money and percentage figures, topics."""

__version__ = "0.1.0"
