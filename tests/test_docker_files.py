"""The docker files cannot be run on our build machines (no Docker engine):
check what can be checked — they parse and every path they name exists."""

import configparser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _compose():
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_services_and_paths():
    compose = _compose()
    assert {"db", "odoo", "test"} <= set(compose["services"])
    assert compose["services"]["db"]["image"].startswith("postgres:16")
    assert compose["services"]["test"]["profiles"] == ["test"]
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            host = volume.split(":")[0]
            if host.startswith("./"):
                assert (ROOT / host).exists(), host


def _command(service):
    command = _compose()["services"][service]["command"]
    return command if isinstance(command, str) else " ".join(command)


def test_compose_commands():
    # "--without-demo=False" is the truthy string "False": it disables demo data
    assert "--without-demo" not in _command("odoo")
    test = _command("test")
    for arg in ("hc_test", "--test-enable", "--stop-after-init", "--test-tags"):
        assert arg in test, arg


def test_dockerfile():
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM odoo:18\.0$", text, re.M)
    for src in re.findall(r"^COPY (\S+) ", text, re.M):
        assert (ROOT / src).exists(), src


def _conf(name):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "config" / name)
    return parser["options"]


def test_docker_conf():
    opts = _conf("odoo.docker.conf")
    assert "/mnt/extra-addons" in opts["addons_path"]
    # the image's entrypoint only passes PASSWORD when the file sets none
    assert "db_password" not in opts


def test_production_example_has_no_secret():
    opts = _conf("odoo.prod.conf.example")
    assert opts["list_db"] == "False"
    assert opts["proxy_mode"] == "True"
    assert int(opts["workers"]) > 0
    for key in ("admin_passwd", "db_password"):
        assert opts[key].startswith("${"), key


def test_scale_profile():
    """The production topology: two Odoo nodes behind a sticky proxy, shared
    data_dir (sessions, filestore), a primary and a streaming replica that
    the nodes send read-only requests to."""
    services = _compose()["services"]
    scale = {
        name
        for name, service in services.items()
        if "scale" in service.get("profiles", [])
    }
    assert {"db-primary", "db-replica", "odoo-1", "odoo-2", "proxy"} <= scale
    shared = {
        volume.split(":")[0]
        for name in ("odoo-1", "odoo-2")
        for volume in services[name]["volumes"]
        if volume.endswith(":/var/lib/odoo")
    }
    assert shared == {"odoo-shared-data"}
    assert "--max-cron-threads=0" in _command("odoo-2")
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "config" / "scale" / "odoo.scale.conf")
    opts = parser["options"]
    assert opts["db_host"] == "db-primary"
    assert opts["db_replica_host"] == "db-replica"
    assert int(opts["workers"]) > 0
    assert opts["proxy_mode"] == "True"
    nginx = (ROOT / "config" / "scale" / "nginx.conf").read_text()
    assert nginx.count("ip_hash;") == 2
    assert "location /websocket" in nginx and "odoo-2:8072" in nginx
    replica = (ROOT / "config" / "scale" / "replica-entrypoint.sh").read_text()
    assert "pg_basebackup" in replica and " -R " in replica
