"""How the desk names a person in sentences: "Chris Checker", or the username without a name."""


def display_name(user):
    """The user's full name, else their username; "nobody" for None."""
    if user is None:
        return "nobody"
    return user.get_full_name().strip() or user.get_username()
