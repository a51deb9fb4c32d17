"""graphkit: news articles in, actor relationship graph out."""
