"""What components build with: relations, user SQL, and one file per warehouse dialect (its capabilities
and function tables). Nothing here knows of components, plans or stages."""
