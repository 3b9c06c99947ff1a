"""Business logic. Services own transactions, permissions and validation; they never import Qt."""
