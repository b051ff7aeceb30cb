"""Outlet profiles: who each outlet is (from the user's file), which articles count for it, and a story's coverage."""
