-- The self-hosted Inngest server keeps its state in its own database (docker-compose.yml).
create database inngest owner reach;
