"""A signing key for servers and commands the tests start: long and varied enough for the production check
(ontmoet.config.env.secret_key), and plainly not a secret."""

TEST_SECRET_KEY = "test-only-not-secret-" + "0123456789abcdefghijklmnopqrstuvwxyz"
